/** Tags the provider's default tags do not carry: seed 001 "Cost Allocation Tags" (Project/Environment come from the provider). */
export function atlasTags(service: string): Record<string, string> {
  return { CostCenter: "engineering", Service: service };
}

/** The ARN of a secret's JSON key for ECS `valueFrom` and IAM: RDS master secrets hold {username, password}. */
export const PASSWORD_KEY = "password";
