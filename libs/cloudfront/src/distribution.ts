import { CloudfrontCachePolicy } from "@cdktf/provider-aws/lib/cloudfront-cache-policy";
import { CloudfrontDistribution, type CloudfrontDistributionOrigin } from "@cdktf/provider-aws/lib/cloudfront-distribution";
import { CloudfrontOriginAccessControl } from "@cdktf/provider-aws/lib/cloudfront-origin-access-control";
import { CloudfrontResponseHeadersPolicy } from "@cdktf/provider-aws/lib/cloudfront-response-headers-policy";
import { markLibrary } from "@infra/core";
import { Construct } from "constructs";
import {
  type CacheSetting,
  MANAGED_CACHE_POLICIES,
  MANAGED_ORIGIN_REQUEST_POLICIES,
  type ManagedOriginRequestPolicy,
  cacheKeyParameters,
  cacheSettingErrors,
  oacBucketPolicyStatement,
} from "./policies";
import { type OriginGroup, originGroupBlocks, originGroupErrors } from "./origin-group";

export type Origin =
  /** A private S3 bucket, read through Origin Access Control (SigV4, always signed). */
  | { readonly type: "s3"; readonly bucketRegionalDomainName: string; readonly originPath?: string }
  /** An HTTPS origin (API Gateway, ALB, ...): https-only, TLSv1.2. */
  | {
      readonly type: "http";
      readonly domainName: string;
      readonly originPath?: string;
      /** @default 443 */
      readonly httpsPort?: number;
      /** Seconds, 1..60 (more needs a quota raise). @default 30 */
      readonly readTimeoutSeconds?: number;
      /** Seconds, 1..60. @default 5 */
      readonly keepaliveTimeoutSeconds?: number;
      /** Headers CloudFront adds, e.g. a secret the origin checks. @default {} */
      readonly customHeaders?: Readonly<Record<string, string>>;
    };

export interface Behavior {
  /** Key of `origins`, or of `originGroups` (then only "GET_HEAD" or "GET_HEAD_OPTIONS": CloudFront fails over those only). */
  readonly origin: string;
  /** @default "GET_HEAD" */
  readonly allowedMethods?: "GET_HEAD" | "GET_HEAD_OPTIONS" | "ALL";
  readonly cache: CacheSetting;
  /** Which viewer values reach the origin beyond the cache key. API Gateway: AllViewerExceptHostHeader. @default none */
  readonly originRequestPolicy?: ManagedOriginRequestPolicy;
  /** gzip/brotli at the edge. @default true */
  readonly compress?: boolean;
}

export interface OrderedBehavior extends Behavior {
  /** e.g. "/api/*". Evaluated in the order given. */
  readonly pathPattern: string;
}

export type ViewerCertificate =
  | { readonly type: "acm"; /** ACM certificate in us-east-1. */ readonly certificateArn: string; readonly aliases: readonly string[] }
  /** The *.cloudfront.net certificate (no aliases; TLSv1 floor): dev only. */
  | { readonly type: "cloudfront-default" };

export interface DistributionProps {
  /** Names the policies and the comment, e.g. "aerologue-prod-cdn". */
  readonly name: string;
  readonly origins: Readonly<Record<string, Origin>>;
  /** Failover pairs of `origins`, keyed by the id behaviours name as their origin. @default {} (none) */
  readonly originGroups?: Readonly<Record<string, OriginGroup>>;
  readonly defaultBehavior: Behavior;
  /** @default [] */
  readonly behaviors?: readonly OrderedBehavior[];
  readonly certificate: ViewerCertificate;
  /** A CLOUDFRONT-scope WAF web ACL ARN. @default none */
  readonly webAclArn?: string;
  /** @default "PriceClass_100" (North America + Europe) */
  readonly priceClass?: "PriceClass_100" | "PriceClass_200" | "PriceClass_All";
  /** Standard access logs to a bucket with ACLs enabled (BucketOwnerPreferred). @default none */
  readonly logging?: { readonly bucketDomainName: string; readonly prefix?: string; readonly includeCookies?: boolean };
  /** @default none (no geo restriction) */
  readonly geoRestriction?: { readonly mode: "allow" | "deny"; readonly countries: readonly string[] };
  /** Strict-Transport-Security. @default { maxAgeSeconds: 31536000, includeSubdomains: true, preload: false } */
  readonly hsts?: { readonly maxAgeSeconds?: number; readonly includeSubdomains?: boolean; readonly preload?: boolean };
  /** @default none */
  readonly defaultRootObject?: string;
  /** e.g. single-page apps: 403/404 → /index.html with 200. @default [] */
  readonly customErrorResponses?: readonly {
    readonly errorCode: number;
    readonly responseCode?: number;
    readonly responsePagePath?: string;
    /** @default 10 */
    readonly cachingMinTtlSeconds?: number;
  }[];
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

const METHODS = {
  GET_HEAD: { allowed: ["GET", "HEAD"], cached: ["GET", "HEAD"] },
  GET_HEAD_OPTIONS: { allowed: ["GET", "HEAD", "OPTIONS"], cached: ["GET", "HEAD", "OPTIONS"] },
  ALL: { allowed: ["DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"], cached: ["GET", "HEAD"] },
} as const;

/** Every validation error for a set of distribution props. Pure. */
export function validateDistributionProps(props: DistributionProps): string[] {
  const originIds = Object.keys(props.origins);
  const groups = props.originGroups ?? {};
  const groupIds = Object.keys(groups);
  const targets = [...originIds, ...groupIds];
  const behaviors = props.behaviors ?? [];
  const patterns = behaviors.map((b) => b.pathPattern);
  const all: [string, Behavior][] = [
    ["defaultBehavior", props.defaultBehavior],
    ...behaviors.map((b): [string, Behavior] => [`behavior "${b.pathPattern}"`, b]),
  ];
  const geo = props.geoRestriction;
  return [
    /^[A-Za-z0-9_-]{1,100}$/.test(props.name) ? undefined : `name "${props.name}" must be 1-100 letters, digits, "-" or "_"`,
    originIds.length === 0 ? "at least one origin is required" : undefined,
    ...originGroupErrors(groups, originIds),
    ...all.map(([label, b]) => (targets.includes(b.origin) ? undefined : `${label} uses origin "${b.origin}", not one of: ${targets.join(", ")}`)),
    ...all.map(([label, b]) =>
      groupIds.includes(b.origin) && b.allowedMethods === "ALL"
        ? `${label} uses origin group "${b.origin}" with allowedMethods "ALL": CloudFront fails over GET, HEAD and OPTIONS only; use "GET_HEAD" or "GET_HEAD_OPTIONS"`
        : undefined,
    ),
    ...all.flatMap(([label, b]) => cacheSettingErrors(label, b.cache)),
    new Set(patterns).size !== patterns.length ? `path patterns repeat: ${patterns.join(", ")}` : undefined,
    props.certificate.type === "acm" && props.certificate.aliases.length === 0 ? "an ACM certificate needs at least one alias" : undefined,
    ...(geo ? geo.countries.map((c) => (/^[A-Z]{2}$/.test(c) ? undefined : `geo restriction country "${c}" must be an ISO alpha-2 code`)) : []),
    geo && geo.countries.length === 0 ? "geoRestriction needs countries; leave it unset for none" : undefined,
  ].filter((e): e is string => e !== undefined);
}

function slug(text: string): string {
  return text.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "") || "root";
}

/**
 * A CloudFront distribution: typed S3 (Origin Access Control) and HTTPS origins, origin groups
 * (failover pairs; every S3 member signs with the same OAC, so each bucket's policy names this
 * distribution the same way: `bucketPolicyStatement`), ordered
 * behaviours with exact cache policies, HTTPS-only viewers, a security-headers policy with HSTS on
 * every behaviour, TLSv1.2_2021 with an ACM certificate, optional WAF, logging and geo restriction.
 */
export class Distribution extends Construct {
  readonly distributionId: string;
  readonly distributionArn: string;
  readonly domainName: string;
  /** Always Z2FDTNDATAQYW2: for alias records. */
  readonly hostedZoneId: string;
  readonly originAccessControlId?: string;
  readonly responseHeadersPolicyId: string;

  constructor(scope: Construct, id: string, props: DistributionProps) {
    super(scope, id);
    markLibrary(this, "cloudfront");
    const errors = validateDistributionProps(props);
    if (errors.length > 0) throw new Error(`Distribution "${props.name}": ${errors.join("; ")}`);
    const tags = { ...(props.tags ?? {}), Name: props.name };

    const needsOac = Object.values(props.origins).some((o) => o.type === "s3");
    const oac = needsOac
      ? new CloudfrontOriginAccessControl(this, "oac", {
          name: `${props.name}-s3`,
          description: `S3 origins of ${props.name}`,
          originAccessControlOriginType: "s3",
          signingBehavior: "always",
          signingProtocol: "sigv4",
        })
      : undefined;
    this.originAccessControlId = oac?.id;

    const hsts = props.hsts ?? {};
    const headers = new CloudfrontResponseHeadersPolicy(this, "security-headers", {
      name: `${props.name}-security-headers`,
      comment: `Security headers of ${props.name}`,
      securityHeadersConfig: {
        strictTransportSecurity: {
          accessControlMaxAgeSec: hsts.maxAgeSeconds ?? 31536000,
          includeSubdomains: hsts.includeSubdomains ?? true,
          preload: hsts.preload ?? false,
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: "DENY", override: true },
        referrerPolicy: { referrerPolicy: "strict-origin-when-cross-origin", override: true },
        xssProtection: { protection: true, modeBlock: true, override: true },
      },
    });
    this.responseHeadersPolicyId = headers.id;

    const cachePolicyId = (key: string, c: CacheSetting): string => {
      if (c.type === "disabled") return MANAGED_CACHE_POLICIES.CachingDisabled;
      if (c.type === "managed-optimized") return MANAGED_CACHE_POLICIES.CachingOptimized;
      const policy = new CloudfrontCachePolicy(this, `cache-${key}`, {
        name: `${props.name}-${key}`.slice(0, 128),
        comment: `${props.name} ${key}: default ${c.defaultTtlSeconds}s`,
        minTtl: c.minTtlSeconds ?? 0,
        defaultTtl: c.defaultTtlSeconds,
        maxTtl: c.maxTtlSeconds ?? c.defaultTtlSeconds,
        parametersInCacheKeyAndForwardedToOrigin: cacheKeyParameters(c),
      });
      return policy.id;
    };
    const behavior = (key: string, b: Behavior) => ({
      targetOriginId: b.origin,
      viewerProtocolPolicy: "redirect-to-https",
      allowedMethods: [...METHODS[b.allowedMethods ?? "GET_HEAD"].allowed],
      cachedMethods: [...METHODS[b.allowedMethods ?? "GET_HEAD"].cached],
      compress: b.compress ?? true,
      cachePolicyId: cachePolicyId(key, b.cache),
      originRequestPolicyId: b.originRequestPolicy ? MANAGED_ORIGIN_REQUEST_POLICIES[b.originRequestPolicy] : undefined,
      responseHeadersPolicyId: headers.id,
    });

    const origins: CloudfrontDistributionOrigin[] = Object.entries(props.origins).map(([originId, o]) =>
      o.type === "s3"
        ? { originId, domainName: o.bucketRegionalDomainName, originPath: o.originPath, originAccessControlId: oac!.id }
        : {
            originId,
            domainName: o.domainName,
            originPath: o.originPath,
            customOriginConfig: {
              httpPort: 80,
              httpsPort: o.httpsPort ?? 443,
              originProtocolPolicy: "https-only",
              originSslProtocols: ["TLSv1.2"],
              originReadTimeout: o.readTimeoutSeconds ?? 30,
              originKeepaliveTimeout: o.keepaliveTimeoutSeconds ?? 5,
            },
            customHeader: Object.entries(o.customHeaders ?? {}).map(([name, value]) => ({ name, value })),
          },
    );

    const cert = props.certificate;
    const geo = props.geoRestriction;
    const dist = new CloudfrontDistribution(this, "distribution", {
      enabled: true,
      comment: props.name,
      aliases: cert.type === "acm" ? [...cert.aliases] : undefined,
      priceClass: props.priceClass ?? "PriceClass_100",
      httpVersion: "http2and3",
      isIpv6Enabled: true,
      defaultRootObject: props.defaultRootObject,
      webAclId: props.webAclArn,
      origin: origins,
      originGroup: props.originGroups ? originGroupBlocks(props.originGroups) : undefined,
      defaultCacheBehavior: behavior("default", props.defaultBehavior),
      orderedCacheBehavior: (props.behaviors ?? []).map((b) => ({ pathPattern: b.pathPattern, ...behavior(slug(b.pathPattern), b) })),
      viewerCertificate:
        cert.type === "acm"
          ? { acmCertificateArn: cert.certificateArn, sslSupportMethod: "sni-only", minimumProtocolVersion: "TLSv1.2_2021" }
          : { cloudfrontDefaultCertificate: true },
      restrictions: {
        geoRestriction: geo
          ? { restrictionType: geo.mode === "allow" ? "whitelist" : "blacklist", locations: [...geo.countries] }
          : { restrictionType: "none", locations: [] },
      },
      loggingConfig: props.logging
        ? { bucket: props.logging.bucketDomainName, prefix: props.logging.prefix, includeCookies: props.logging.includeCookies ?? false }
        : undefined,
      customErrorResponse: (props.customErrorResponses ?? []).map((e) => ({
        errorCode: e.errorCode,
        responseCode: e.responseCode,
        responsePagePath: e.responsePagePath,
        errorCachingMinTtl: e.cachingMinTtlSeconds ?? 10,
      })),
      tags,
    });
    this.distributionId = dist.id;
    this.distributionArn = dist.arn;
    this.domainName = dist.domainName;
    this.hostedZoneId = dist.hostedZoneId;
  }

  /** The statement an S3 origin bucket's policy needs so this distribution (only) can read it. */
  bucketPolicyStatement(bucketArn: string): ReturnType<typeof oacBucketPolicyStatement> {
    return oacBucketPolicyStatement(bucketArn, this.distributionArn);
  }
}
