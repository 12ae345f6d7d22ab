export { EncryptionKey, type EncryptionKeyProps } from "./encryption-key";
export { type PurposeKeyInputs, type PurposeKeysProps, keysPerPurpose, purposeKeysBuilder } from "./purpose-keys";
export { KEY_SERVICE_NAMES, type KeyServiceName, type KeyServicePrincipal, keyServiceOfPrincipal } from "./key-policy";
export { type KeyUse, declareKeyUse, declareLogGroupKey, declareServicePrincipalKeyUse } from "./key-usage";
export { Secret, type SecretProps, type SecretReplica, type SecretRotation } from "./secret";
export { DECRYPT_ACTIONS, ENCRYPT_DECRYPT_ACTIONS, type KeyPolicyStatement, type PolicyStatement } from "./statements";
export { EphemeralResource } from "./ephemeral";
export { type CredentialsSecret, GeneratedCredentials, type GeneratedCredentialsProps } from "./generated-credentials";
export { GeneratedToken, type GeneratedTokenProps } from "./generated-token";
