/**
 * The default build of a Next.js SSR app on Amplify Hosting (WEB_COMPUTE): install, build, ship
 * `.next`. Apps with another layout (monorepo app roots) pass their own `buildSpec`.
 */
export const NEXTJS_SSR_BUILD_SPEC = [
  "version: 1",
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
  "",
].join("\n");
