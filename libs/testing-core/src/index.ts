// Test helpers for construct libraries: depend on cdktf and the AWS provider only (ADR 0051).
// Three reading styles over the one synth helper, by subpath: @infra/testing-core/stack (synthStack,
// only -> {address, values}), /json (synthJson -> any, only, onlyData), /blocks (synthJson -> blocks, only, addresses).
export { type Json, type SynthOptions, type TerraformJson, synthTerraform } from "./synth";
export { restoreV8StackHooks, v8StackHooks } from "./stack-hooks";
export { importInlineModules } from "./inline-modules";
