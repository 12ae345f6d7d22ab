/** Instance types look like "<family>.<size>", e.g. "t3.micro", "m6g.large", "c7gn.2xlarge". */
const INSTANCE_TYPE = /^([a-z][a-z0-9-]*)\.([a-z0-9]+)$/;

/** The EC2 family of an instance type ("m6g" of "m6g.large"); throws on a malformed type. */
export function instanceFamily(instanceType: string): string {
  const match = INSTANCE_TYPE.exec(instanceType);
  if (!match) throw new Error(`instance type "${instanceType}" must look like "<family>.<size>", e.g. "t3.micro" or "m6g.large"`);
  return match[1]!;
}

/**
 * Whether the type runs on AWS Graviton (arm64): the families whose generation digit is followed
 * by "g" (t4g, m6g, m7gd, c6gn, r8g, x2gd, im4gn, hpc7g, g5g, ...) and a1.
 */
export function isGravitonInstanceType(instanceType: string): boolean {
  const family = instanceFamily(instanceType);
  return family === "a1" || /^[a-z]+\d+g[a-z]*$/.test(family);
}

/**
 * The public SSM parameter holding the current ECS-optimized Amazon Linux 2023 AMI for the instance's
 * CPU architecture. Reading it at plan time keeps the AMI current; a new AMI shows up in the plan as a
 * new launch template version (and rolls through the instance refresh).
 */
export function ecsOptimizedAmiParameter(instanceType: string): string {
  return isGravitonInstanceType(instanceType)
    ? "/aws/service/ecs/optimized-ami/amazon-linux-2023/arm64/recommended/image_id"
    : "/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id";
}
