/**
 * A stand-in for the runtime's `@aws-sdk/client-secrets-manager` (the four commands the login function
 * sends), for tests that run the function's modules as written (importInlineModules `packages`): an
 * in-memory store that behaves like the service (stages move as PutSecretValue and
 * UpdateSecretVersionStage move them; a valueless AWSPENDING is ResourceNotFound). The store is
 * `globalThis.__logins.sm`: `{ calls: string[], secrets: { [arn]: { rotation, versions: { [id]: { value, stages } } } } }`.
 * Used by handler.test.ts (with a fake role table) and alternating-logins.pg.test.ts (a real PostgreSQL 16).
 */
export const FAKE_SECRETS_MANAGER_SDK = `
class Cmd { constructor(input) { this.input = input; } }
export class DescribeSecretCommand extends Cmd {}
export class GetSecretValueCommand extends Cmd {}
export class PutSecretValueCommand extends Cmd {}
export class UpdateSecretVersionStageCommand extends Cmd {}
const notFound = () => Object.assign(new Error("Secrets Manager can't find the specified secret value"), { name: "ResourceNotFoundException" });
let n = 0;
export class SecretsManagerClient {
  async send(cmd) {
    const sm = globalThis.__logins.sm, i = cmd.input, kind = cmd.constructor.name;
    sm.calls.push(kind);
    const s = sm.secrets[i.SecretId];
    if (!s) throw notFound();
    if (kind === "DescribeSecretCommand") return { RotationEnabled: s.rotation, VersionIdsToStages: Object.fromEntries(Object.entries(s.versions).map(([k, v]) => [k, [...v.stages]])) };
    if (kind === "GetSecretValueCommand") {
      const hit = Object.entries(s.versions).find(([k, v]) => (!i.VersionId || k === i.VersionId) && v.stages.includes(i.VersionStage ?? "AWSCURRENT"));
      if (!hit || hit[1].value == null) throw notFound();
      return { SecretString: hit[1].value };
    }
    if (kind === "PutSecretValueCommand") {
      const id = i.ClientRequestToken ?? "put-" + ++n, stages = i.VersionStages ?? ["AWSCURRENT"];
      if (stages.includes("AWSCURRENT")) for (const v of Object.values(s.versions)) v.stages = v.stages.includes("AWSCURRENT") ? ["AWSPREVIOUS"] : v.stages.filter((x) => x !== "AWSPREVIOUS");
      s.versions[id] = { value: i.SecretString, stages };
      return {};
    }
    if (kind === "UpdateSecretVersionStageCommand") {
      for (const v of Object.values(s.versions)) v.stages = v.stages.filter((x) => x !== "AWSPREVIOUS");
      s.versions[i.RemoveFromVersionId].stages = ["AWSPREVIOUS"];
      s.versions[i.MoveToVersionId].stages = ["AWSCURRENT"];
      return {};
    }
  }
}`;
