/** Keys Lambda sets itself and refuses in a function's environment. */
const RESERVED_KEYS = new Set([
  "_HANDLER",
  "_X_AMZN_TRACE_ID",
  "AWS_DEFAULT_REGION",
  "AWS_REGION",
  "AWS_EXECUTION_ENV",
  "AWS_LAMBDA_FUNCTION_NAME",
  "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
  "AWS_LAMBDA_FUNCTION_VERSION",
  "AWS_LAMBDA_INITIALIZATION_TYPE",
  "AWS_LAMBDA_LOG_GROUP_NAME",
  "AWS_LAMBDA_LOG_STREAM_NAME",
  "AWS_ACCESS_KEY",
  "AWS_ACCESS_KEY_ID",
  "AWS_SECRET_ACCESS_KEY",
  "AWS_SESSION_TOKEN",
  "AWS_LAMBDA_RUNTIME_API",
  "LAMBDA_TASK_ROOT",
  "LAMBDA_RUNTIME_DIR",
]);

/** Environment variable names: a letter first, then letters, digits and "_"; not one Lambda reserves. */
export function validateEnvironment(variables: Readonly<Record<string, string>>): string | undefined {
  const bad = Object.keys(variables).filter((k) => !/^[A-Za-z][A-Za-z0-9_]*$/.test(k) || RESERVED_KEYS.has(k));
  if (bad.length === 0) return undefined;
  return `environment variable names ${bad.map((k) => `"${k}"`).join(", ")} are invalid or reserved by Lambda (names start with a letter, then letters, digits or "_")`;
}
