import { Testing } from "cdktf";
import { expect } from "vitest";
import { restoreV8StackHooks } from "./stack-hooks";

// CDKTF ships its matchers (toHaveResource, toHaveResourceWithProperties, ...) through a jest
// adapter that calls `expect.extend` on the global `expect`; vitest's expect has the same API.
(globalThis as { expect?: unknown }).expect = expect;
Testing.setupJest();

interface CdktfMatchers<R = unknown> {
  toHaveResource(resourceConstructor: { tfResourceType: string }): R;
  toHaveResourceWithProperties(resourceConstructor: { tfResourceType: string }, properties: Record<string, unknown>): R;
  toHaveDataSource(dataSourceConstructor: { tfResourceType: string }): R;
  toHaveDataSourceWithProperties(dataSourceConstructor: { tfResourceType: string }, properties: Record<string, unknown>): R;
  toHaveProvider(providerConstructor: { tfResourceType: string }): R;
  toHaveProviderWithProperties(providerConstructor: { tfResourceType: string }, properties: Record<string, unknown>): R;
}

declare module "vitest" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-explicit-any
  interface Assertion<T = any> extends CdktfMatchers<T> {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AsymmetricMatchersContaining extends CdktfMatchers {}
}

// vitest runs with isolate: false: test files share a worker's globals. Code under test may patch V8's
// stack hooks (skipTokenCreationStacks, called by the ops CLI that cli.test.ts runs in-process), so every
// file starts from the hooks V8 had when the worker started.
restoreV8StackHooks();
