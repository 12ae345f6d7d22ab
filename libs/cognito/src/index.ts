export { type AppClientProps } from "./app-client";
export { type CustomAttribute, type StandardAttribute, type StandardAttributeName } from "./attributes";
export { type AuthenticatedRole, IdentityPool, type IdentityPoolProps, type IdentityPoolProvider, validateIdentityPoolProps } from "./identity-pool";
export { type AppleIdentityProvider, type GoogleIdentityProvider, type IdentityProviders } from "./identity-providers";
export {
  type EmailSending,
  type PasswordPolicy,
  type ResourceServer,
  type TriggerName,
  UserPool,
  type UserPoolDomain,
  type UserPoolProps,
  validateUserPoolProps,
} from "./user-pool";
