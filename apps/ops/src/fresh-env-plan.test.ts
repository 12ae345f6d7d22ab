import {
  PLACEHOLDERS_CHECK,
  PLACEHOLDERS_LOCAL,
  PLACEHOLDER_GUARD,
  PLACEHOLDER_GUARD_ADDRESS,
  REMOTE_STATE_PREFIX,
  STATE_PROBE_PREFIX,
  isMarkedPlaceholder,
  placeholderFor,
} from "@infra/core";
import { synthEnvOnce } from "@infra/testing";
import type { StackJson } from "@infra/workloads";
import { describe, expect, it } from "vitest";
import { ENVS } from "./envs";

type Blocks = Record<string, Record<string, Record<string, unknown>>>;
const READ = /data\.terraform_remote_state\.([\w-]+)\.outputs\.([\w-]+)/g;
const PRODUCED = /^\$\{(data\.)?([a-z0-9_]+)\.([\w-]+)\.([^}]+)\}$/;

/** Every read of another stack's output in a stack, outside the wiring this feature adds. */
function readsOf(json: StackJson["json"]): { remoteState: string; output: string }[] {
  const { locals: _locals, check: _check, data, ...rest } = json;
  const scanned = { ...rest, data: Object.fromEntries(Object.entries(data ?? {}).filter(([t]) => t !== "terraform_remote_state")) };
  const seen = new Map<string, { remoteState: string; output: string }>();
  for (const [, remoteState, output] of JSON.stringify(scanned).matchAll(READ))
    seen.set(`${remoteState}/${output}`, { remoteState: remoteState!, output: output! });
  return [...seen.values()];
}

/** The region a producer's resource lives in: its aliased provider's, or the stack's default provider's. */
function regionOf(producer: StackJson["json"], type: string, name: string, data: boolean): string {
  const providers = (producer.provider as { aws: { alias?: string; region: string }[] }).aws;
  const body = ((data ? producer.data : producer.resource) as Blocks)[type]?.[name];
  const alias = typeof body?.["provider"] === "string" ? String(body["provider"]).replace(/^aws\./, "") : undefined;
  return providers.find((p) => (alias ? p.alias === alias : p.alias === undefined))!.region;
}

describe.each(ENVS.map((e) => [e.name, e] as const))("%s: plan works before any dependency is applied", (_name, env) => {
  const stacks = synthEnvOnce(env);
  const byName = new Map(stacks.map((s) => [s.stackName, s]));
  const consumers = stacks.filter((s) => readsOf(s.json).length > 0);

  it("most stacks read other stacks' outputs (the case this is for)", () => {
    expect(consumers.length).toBeGreaterThan(stacks.length / 2);
  });

  it("every cross-stack read has a default: the typed placeholder of the producer's output, recomputed from the producer's JSON", () => {
    for (const consumer of consumers) {
      const states = (consumer.json.data as Blocks)["terraform_remote_state"]!;
      for (const { remoteState, output } of readsOf(consumer.json)) {
        const where = `${consumer.stackName} reads ${remoteState}.${output}`;
        const producerName = remoteState.slice(REMOTE_STATE_PREFIX.length);
        const producer = byName.get(producerName)!.json;
        const produced = PRODUCED.exec(String((producer.output as Record<string, { value: string }>)[output]!.value));
        expect(produced, where).not.toBeNull();
        const [, data, type, name, attribute] = produced as unknown as [string, string | undefined, string, string, string];
        const expected = placeholderFor(
          { resourceType: type, attribute },
          { region: regionOf(producer, type, name, !!data), account: env.accountId, seed: `${producerName} ${data ?? ""}${type}.${name}.${attribute}` },
        );
        expect(expected.kind, `${where}: ${type}.${attribute} has an entry in the placeholder table`).not.toMatch(/generic/);
        const defaults = states[remoteState]!["defaults"] as Record<string, unknown>;
        // WAF ACL ARNs depend on the ACL's scope, which the table reads from the producer's config.
        if (type === "aws_wafv2_web_acl") expect(defaults[output], where).toMatch(/^arn:aws:wafv2:[a-z0-9-]+:\d{12}:(global|regional)\/webacl\//);
        else expect(defaults[output], where).toEqual(expected.value);
        expect(isMarkedPlaceholder(defaults[output] as string), where).toBe(true);
      }
    }
  });

  it("every remote state is probed and falls back to the empty in-memory state; every consumer warns and guards apply", () => {
    for (const consumer of consumers) {
      const data = consumer.json.data as Blocks;
      const states = Object.keys(data["terraform_remote_state"]!);
      expect(Object.keys(data["aws_s3_objects"]!).sort(), consumer.stackName).toEqual(
        states.map((s) => `${STATE_PROBE_PREFIX}${s.slice(REMOTE_STATE_PREFIX.length)}`).sort(),
      );
      for (const s of states) expect(data["terraform_remote_state"]![s]!["backend"]).toMatch(/\? "s3" : "inmem"\}$/);
      const locals = consumer.json["locals"] as Record<string, string>;
      for (const { remoteState, output } of readsOf(consumer.json)) {
        expect(locals[PLACEHOLDERS_LOCAL], consumer.stackName).toContain(`data.terraform_remote_state.${remoteState}.outputs.${output} == `);
      }
      expect((consumer.json["check"] as Record<string, unknown>)[PLACEHOLDERS_CHECK]).toBeDefined();
      const resources = consumer.json.resource as Blocks;
      expect(resources["terraform_data"]![PLACEHOLDER_GUARD]!["lifecycle"]).toBeDefined();
      for (const [type, byType] of Object.entries(resources)) {
        for (const [name, body] of Object.entries(byType)) {
          if (name === PLACEHOLDER_GUARD) continue;
          expect(body["depends_on"], `${consumer.stackName} ${type}.${name}`).toContain(PLACEHOLDER_GUARD_ADDRESS);
        }
      }
    }
  });

  it("stacks that read nothing from other stacks carry none of it", () => {
    for (const { stackName, json } of stacks.filter((s) => !consumers.includes(s))) {
      expect(JSON.stringify(json), stackName).not.toMatch(/cross-stack-placeholder|cross-stack-state-|terraform_remote_state/);
    }
  });
});
