/** The frontend section of a Next.js SSR build: install, build, ship `.next`, cache dependencies. */
const NEXTJS_FRONTEND = [
  "frontend:",
  "  phases:",
  "    preBuild:",
  "      commands:",
  "        - npm ci",
  "    build:",
  "      commands:",
  "        - npm run build",
  "  artifacts:",
  "    baseDirectory: .next",
  "    files:",
  "      - '**/*'",
  "  cache:",
  "    paths:",
  "      - node_modules/**/*",
  "      - .next/cache/**/*",
];

/**
 * amplify.yml of a Next.js SSR app on Amplify Hosting (WEB_COMPUTE). With `appRoot`, the app is one
 * application of a monorepo (Amplify's `applications[].appRoot`).
 */
export function nextjsSsrBuildSpec(options: { readonly appRoot?: string } = {}): string {
  const body = options.appRoot ? ["applications:", `  - appRoot: ${options.appRoot}`, ...NEXTJS_FRONTEND.map((l) => `    ${l}`)] : NEXTJS_FRONTEND;
  return ["version: 1", ...body, ""].join("\n");
}

/** The default build of a single-app repository. */
export const NEXTJS_SSR_BUILD_SPEC = nextjsSsrBuildSpec();
