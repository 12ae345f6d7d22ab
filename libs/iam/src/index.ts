export {
  type GrantOptions,
  type GrantStatement,
  type Grantee,
  type PolicyCondition,
  type PolicyStatement,
  type SidNaming,
  grantErrors,
  grantOptions,
  grantStatements,
  numbered,
  positionSuffix,
  sidOf,
  statementErrors,
  validateSid,
} from "./statement";
export { PolicyStatements, documentStatements, toDocumentStatement, unnamedDocumentStatements } from "./document";
