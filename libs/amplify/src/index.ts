export { AmplifyApp, type AccessTokenSource, type AmplifyAppProps, type CustomDomainProps } from "./amplify-app";
export { type BranchProps, type BranchStage } from "./branches";
export { NEXTJS_SSR_BUILD_SPEC, nextjsSsrBuildSpec } from "./build-spec";
