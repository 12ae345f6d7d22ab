import { Wafv2WebAclAssociation } from "@cdktf/provider-aws/lib/wafv2-web-acl-association";
import { AmplifyApp, nextjsSsrBuildSpec } from "@infra/amplify";
import type { StackBuilder } from "@infra/core";
import type { AmplifyInputs } from "../inputs";
import { buildEdgeWaf, buildZone } from "./edge";
import { buildCognito, buildSecrets } from "./security";

/** amplify.yml of one Next.js SSR app of the monorepo (Amplify monorepo support: `applications[].appRoot`). */
export function monorepoBuildSpec(appRoot: string): string {
  return nextjsSsrBuildSpec({ appRoot });
}

export interface WebOutputs {
  readonly webAppId: string;
  readonly adminAppId: string;
  readonly webDefaultDomain: string;
  readonly adminDefaultDomain: string;
}

/**
 * Seed 003 "Amplify Hosting Next.js SSR" and "Amplify Admin Dashboard": two apps of the GitHub
 * monorepo; the env's branch (prod main → PRODUCTION, staging staging → BETA) with PR previews;
 * the custom domains; the edge WAF associated with each app (Amplify Hosting's managed CloudFront
 * takes a CLOUDFRONT-scope web ACL through aws_wafv2_web_acl_association).
 */
export const buildAmplify: StackBuilder<AmplifyInputs, WebOutputs> = (stack, inputs, ctx) => {
  const secrets = ctx.dependencyOn("secrets", buildSecrets);
  const identity = ctx.dependencyOn("cognito", buildCognito);
  const waf = ctx.dependencyOn("waf", buildEdgeWaf);
  const zone = ctx.dependencyOn("dns", buildZone);
  const shared = {
    NEXT_PUBLIC_API_URL: `https://api.${zone.domain}`,
    NEXT_PUBLIC_WS_URL: `wss://ws.${zone.domain}`,
    NEXT_PUBLIC_USER_POOL_ID: identity.userPoolId,
    NEXT_PUBLIC_REGION: ctx.deployment.region.name,
  };
  const app = (id: "web" | "admin", clientId: string) => {
    const spec = inputs[id];
    const amplify = new AmplifyApp(stack, id, {
      name: `${inputs.name}-${id}`,
      repository: inputs.repository,
      accessToken: { secretArn: secrets.githubToken.secretArn, secretName: secrets.githubToken.name },
      platform: "WEB_COMPUTE",
      buildSpec: monorepoBuildSpec(spec.appRoot),
      environmentVariables: { ...shared, NEXT_PUBLIC_USER_POOL_CLIENT_ID: clientId, AMPLIFY_MONOREPO_APP_ROOT: spec.appRoot },
      branches: [
        {
          branchName: inputs.gitBranch,
          stage: inputs.branchStage,
          enablePullRequestPreview: inputs.pullRequestPreviews,
          subDomainPrefix: spec.subDomainPrefix,
        },
      ],
      customDomain: { domainName: spec.domain },
    });
    new Wafv2WebAclAssociation(stack, `${id}-waf`, { resourceArn: amplify.arn, webAclArn: waf.webAclArn });
    return amplify;
  };
  const web = app("web", identity.webClientId);
  const admin = app("admin", identity.adminClientId);
  return { webAppId: web.appId, adminAppId: admin.appId, webDefaultDomain: web.defaultDomain, adminDefaultDomain: admin.defaultDomain };
};
