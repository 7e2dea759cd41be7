/**
 * The actions a role's trust policy must allow for one role-assumption call: the operation itself,
 * sts:TagSession when session tags are passed and sts:SetSourceIdentity when a source identity is set
 * (IAM User Guide, "Passing session tags in AWS STS"; "Monitor and control actions taken with assumed roles").
 */
export function trustActions(operation: string, request: { tagged: boolean; sourceIdentity: string | undefined }): string[] {
  const actions = [operation];
  if (request.tagged) actions.push("sts:TagSession");
  if (request.sourceIdentity !== undefined) actions.push("sts:SetSourceIdentity");
  return actions;
}
