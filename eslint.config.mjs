import tseslint from "typescript-eslint";

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
    // The config layer is plain data and pure functions: no cdktf, no constructs, no providers.
    files: ["libs/config/**/*.ts", "environments/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["cdktf", "cdktf/*", "constructs", "@cdktf/*"], message: "The config layer stays free of cdktf imports." },
          ],
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
