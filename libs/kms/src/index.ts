export { EncryptionKey, type EncryptionKeyProps } from "./encryption-key";
export { type KeyServiceName, type KeyServicePrincipal } from "./key-policy";
export { Secret, type SecretProps, type SecretReplica, type SecretRotation } from "./secret";
export { DECRYPT_ACTIONS, ENCRYPT_DECRYPT_ACTIONS, type PolicyStatement } from "./statements";
export { EphemeralResource } from "./ephemeral";
export { type CredentialsSecret, GeneratedCredentials, type GeneratedCredentialsProps } from "./generated-credentials";
