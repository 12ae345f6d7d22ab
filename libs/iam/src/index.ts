export {
  type GrantOptions,
  type GrantStatement,
  type JsonPolicyStatement,
  type Grantee,
  type PolicyCondition,
  type PolicyPrincipal,
  type PolicyStatement,
  type SidNaming,
  grantErrors,
  grantOptions,
  grantStatements,
  numbered,
  positionSuffix,
  sidOf,
  statementErrors,
  toJsonStatement,
  validateSid,
} from "./statement";
export { PolicyStatements, documentStatements, toDocumentStatement, unnamedDocumentStatements } from "./document";
export { serviceTrustPolicy } from "./trust";
