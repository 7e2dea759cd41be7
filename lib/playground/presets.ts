// Examples to start from, taken from the seed notes. Each holds policies and a request only: the
// decision the page shows is computed by the evaluator, never written here.

import type { PlaygroundState, PolicyDraft } from "./types.ts";

export interface Preset {
  id: string;
  title: string;
  /** What to look at, and what to try changing. */
  hint: string;
  state: PlaygroundState;
}

const ACCOUNT = "111122223333";
const ROLE = "AppServerRole";
const INSTANCE = "i-0123456789abcdef0";
const BUCKET = "my_bucket";
const ROLE_SESSION = `arn:aws:sts::${ACCOUNT}:assumed-role/${ROLE}/${INSTANCE}`;
const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/${ROLE}`;

const json = (value: unknown) => JSON.stringify(value, null, 2);
const policy = (statements: unknown[]) => json({ Version: "2012-10-17", Statement: statements });

const roleReadWrite: PolicyDraft = {
  kind: "identity",
  name: `${ROLE} S3ReadWrite`,
  text: policy([
    { Sid: "ReadWriteMyBucket", Effect: "Allow", Action: ["s3:GetObject", "s3:PutObject"], Resource: `arn:aws:s3:::${BUCKET}/*` },
  ]),
};

const roleWithoutS3: PolicyDraft = {
  kind: "identity",
  name: `${ROLE} Ec2Only`,
  text: policy([{ Sid: "DescribeInstances", Effect: "Allow", Action: "ec2:DescribeInstances", Resource: "*" }]),
};

const roleDeniesS3: PolicyDraft = {
  kind: "identity",
  name: `${ROLE} DenyMyBucket`,
  text: policy([{ Sid: "DenyMyBucket", Effect: "Deny", Action: "s3:*", Resource: `arn:aws:s3:::${BUCKET}/*` }]),
};

const bucketPolicy = (effect: "Allow" | "Deny", sid: string): PolicyDraft => ({
  kind: "resource",
  name: `${BUCKET} bucket policy`,
  text: policy([
    {
      Sid: sid,
      Effect: effect,
      Principal: { AWS: ROLE_ARN },
      Action: effect === "Allow" ? ["s3:GetObject", "s3:PutObject"] : "s3:*",
      Resource: `arn:aws:s3:::${BUCKET}/*`,
    },
  ]),
});

const instanceRead = {
  principal: ROLE_SESSION,
  action: "s3:GetObject",
  resource: `arn:aws:s3:::${BUCKET}/data/orders.csv`,
  resourceAccount: ACCOUNT,
  context: [],
};

export const PRESETS: readonly Preset[] = [
  {
    id: "role-allows",
    title: "EC2 role allows, no bucket policy",
    hint: "The instance's role grants read and write on my_bucket and there is no bucket policy. Change Allow to Deny, or the action to s3:DeleteObject.",
    state: { policies: [roleReadWrite], request: instanceRead },
  },
  {
    id: "bucket-denies-role",
    title: "Bucket policy explicitly denies the role",
    hint: "The role allows, the bucket policy denies the role: an explicit deny wins. Remove the bucket policy's statement to see the role's allow decide.",
    state: { policies: [roleReadWrite, bucketPolicy("Deny", "DenyAppServerRole")], request: instanceRead },
  },
  {
    id: "bucket-allows-role",
    title: "Role has no S3 permission, bucket policy allows",
    hint: "Within one account, a bucket policy that names the role is enough on its own. Set the resource account to 444455556666: across accounts the role's own policy must allow too.",
    state: { policies: [roleWithoutS3, bucketPolicy("Allow", "AllowAppServerRole")], request: instanceRead },
  },
  {
    id: "role-denies",
    title: "Role explicitly denies, bucket policy allows",
    hint: "The bucket policy allows but the role's own policy denies: the explicit deny wins.",
    state: { policies: [roleDeniesS3, bucketPolicy("Allow", "AllowAppServerRole")], request: instanceRead },
  },
  {
    id: "home-folders",
    title: "Per-user home folders with ${aws:username}",
    hint: "One policy gives every user their own folder. Change the resource to home/bob/ and alice is denied; change the principal to bob and he is allowed.",
    state: {
      policies: [
        {
          kind: "identity",
          name: "HomeFolder",
          text: policy([
            {
              Sid: "ListOwnFolder",
              Effect: "Allow",
              Action: "s3:ListBucket",
              Resource: "arn:aws:s3:::my-company",
              Condition: { StringLike: { "s3:prefix": ["home/${aws:username}/*"] } },
            },
            {
              Sid: "AllowAllS3ActionsInUserFolder",
              Effect: "Allow",
              Action: ["s3:*"],
              Resource: ["arn:aws:s3:::my-company/home/${aws:username}/*"],
            },
          ]),
        },
      ],
      request: {
        principal: `arn:aws:iam::${ACCOUNT}:user/alice`,
        action: "s3:GetObject",
        resource: "arn:aws:s3:::my-company/home/alice/notes.txt",
        resourceAccount: ACCOUNT,
        context: [],
      },
    },
  },
  {
    id: "mfa-required",
    title: "MFA required with aws:MultiFactorAuthPresent",
    hint: "The policy allows stopping instances only with MFA. Set aws:MultiFactorAuthPresent to false, or delete the row, and nothing allows the request.",
    state: {
      policies: [
        {
          kind: "identity",
          name: "RequireMfa",
          text: policy([
            {
              Sid: "StopWithMfa",
              Effect: "Allow",
              Action: ["ec2:StopInstances", "ec2:TerminateInstances"],
              Resource: "*",
              Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } },
            },
          ]),
        },
      ],
      request: {
        principal: `arn:aws:iam::${ACCOUNT}:user/alice`,
        action: "ec2:StopInstances",
        resource: `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/${INSTANCE}`,
        resourceAccount: "",
        context: [{ key: "aws:MultiFactorAuthPresent", value: "true" }],
      },
    },
  },
];

export const DEFAULT_PRESET: Preset = PRESETS[1]!;

export function presetById(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}
