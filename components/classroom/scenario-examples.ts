// The scenario editor's worked examples (its guide offers them; tests/classroom/scenario-guide.test.ts
// plays each through lib/scenarios, so an example that stops validating fails the tests, not a class).

export interface ScenarioExample {
  name: string;
  /** What the example shows, in a sentence. */
  teaches: string;
  source: string;
}

const ROLE_READS_BUCKET = `title: "Can the role read the bucket?"
deck: [Class scenarios]
names:
  account: { kind: account, value: "111122223333" }
  bucket: { kind: bucket, value: reports-bucket }
  role: { kind: role, value: ReportReader }
accounts:
  - id: "{{account}}"
    roles:
      - name: "{{role}}"
        trustPolicy:
          Version: "2012-10-17"
          Statement:
            - { Effect: Allow, Principal: { Service: ec2.amazonaws.com }, Action: sts:AssumeRole }
        policies:
          Read:
            Version: "2012-10-17"
            Statement:
              - { Sid: ReadReports, Effect: Allow, Action: s3:GetObject, Resource: "arn:aws:s3:::{{bucket}}/*" }
resources:
  - arn: "arn:aws:s3:::{{bucket}}"
    account: "{{account}}"
steps:
  - id: read
    request: { as: { role: "{{role}}" }, action: s3:GetObject, resource: "arn:aws:s3:::{{bucket}}/q1.csv" }
questions:
  - kind: allowed
    step: read
`;

const DENY_BEATS_ALLOW = `title: "Does the bucket's Deny beat the user's Allow?"
deck: [Class scenarios]
names:
  account: { kind: account, value: "111122223333" }
  user: { kind: user, value: alice }
  bucket: { kind: bucket, value: team-archive }
accounts:
  - id: "{{account}}"
    users:
      - name: "{{user}}"
        policies:
          S3Full:
            Version: "2012-10-17"
            Statement:
              - { Sid: AllOfS3, Effect: Allow, Action: "s3:*", Resource: "*" }
resources:
  - arn: "arn:aws:s3:::{{bucket}}"
    account: "{{account}}"
    policy:
      Version: "2012-10-17"
      Statement:
        - Sid: NoDeletes
          Effect: Deny
          Principal: "*"
          Action: s3:DeleteObject
          Resource: "arn:aws:s3:::{{bucket}}/*"
steps:
  - id: delete
    label: "{{user}} deletes an archived report"
    request: { as: { user: "{{user}}" }, action: s3:DeleteObject, resource: "arn:aws:s3:::{{bucket}}/2024/report.pdf" }
  - id: lift
    label: The NoDeletes statement is removed from the bucket policy
    change: { kind: removeStatement, policy: "resource/arn:aws:s3:::{{bucket}}", sid: NoDeletes }
questions:
  - kind: allowed
    step: delete
  - kind: decidingPolicy
    step: delete
  - kind: change
    step: lift
    requests: [delete]
`;

export const SCENARIO_EXAMPLES: readonly ScenarioExample[] = [
  {
    name: "A role reads a bucket",
    teaches: "One role, one identity policy, one request, and the question whether it is allowed.",
    source: ROLE_READS_BUCKET,
  },
  {
    name: "An explicit Deny wins",
    teaches: "A user allowed everything in S3, a bucket policy that denies deletes, and what changes when that Deny is removed.",
    source: DENY_BEATS_ALLOW,
  },
];
