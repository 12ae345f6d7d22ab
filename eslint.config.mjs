import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import tseslint from "typescript-eslint";
import layers from "./tools/eslint/layers.mjs";

// Which layer may import which (the layer:* tags of project.json, ADR 0050). Same-layer imports are always allowed.
const SCHEMA = ["layer:config", "layer:construct-schema"];
const LAYERS = {
  "layer:config": [],
  "layer:construct-schema": ["layer:config"],
  "layer:construct": [...SCHEMA, "layer:testing-core"],
  "layer:workload-inputs": SCHEMA,
  "layer:workload-builders": [...SCHEMA, "layer:construct", "layer:workload-inputs", "layer:testing-core"],
  "layer:environments": [...SCHEMA, "layer:workload-inputs"],
  "layer:app": [...SCHEMA, "layer:construct", "layer:workload-inputs", "layer:workload-builders", "layer:environments", "layer:testing", "layer:testing-core"],
  "layer:testing-core": [],
  "layer:testing": [...SCHEMA, "layer:construct", "layer:workload-inputs", "layer:workload-builders", "layer:environments", "layer:testing-core"],
  "layer:tooling": [
    ...SCHEMA,
    "layer:construct",
    "layer:workload-inputs",
    "layer:workload-builders",
    "layer:environments",
    "layer:testing",
    "layer:testing-core",
  ],
};

export default tseslint.config(
  { ignores: ["**/node_modules/**", "**/cdktf.out/**", "**/.nx/**", "**/dist/**", ".bench/**", ".venv-checkov/**"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      // The package root of the AWS provider loads ~2,000 modules: synth gets ~6x slower and hungrier.
      "no-restricted-imports": [
        "error",
        {
          paths: [{ name: "@cdktf/provider-aws", message: "Import from @cdktf/provider-aws/lib/<resource> instead." }],
        },
      ],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["**/*.ts"],
    plugins: { layers },
    rules: { "layers/enforce": ["error", { workspaceRoot: dirname(fileURLToPath(import.meta.url)), allow: LAYERS }] },
  },
  {
    // The config layer is plain data and pure functions: no cdktf, no constructs, no providers.
    files: ["libs/config/**/*.ts", "environments/**/*.ts", "libs/workloads/*/src/inputs/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [{ group: ["cdktf", "cdktf/*", "constructs", "@cdktf/*"], message: "The config layer stays free of cdktf imports." }],
        },
      ],
    },
  },
  {
    // Plain CommonJS launchers (no TypeScript): require() is how they load esbuild and the bundle.
    files: ["**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
