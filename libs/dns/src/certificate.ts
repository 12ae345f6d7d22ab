import { AcmCertificate } from "@cdktf/provider-aws/lib/acm-certificate";
import { AcmCertificateValidation } from "@cdktf/provider-aws/lib/acm-certificate-validation";
import { Route53Record } from "@cdktf/provider-aws/lib/route53-record";
import { reservedDomainError, throwIfInvalid } from "@infra/config";
import { markLibrary, requireDnsValidation } from "@infra/core";
import { type TerraformProvider, TerraformIterator, Token } from "cdktf";
import { Construct } from "constructs";

export interface CertificateProps {
  /** e.g. "aerologue.app" or "*.aerologue.app". */
  readonly domainName: string;
  /** @default [] */
  readonly subjectAlternativeNames?: readonly string[];
  /** Hosted zone that gets the DNS validation records. */
  readonly zoneId: string;
  /** @default "RSA_2048" (every client; EC_prime256v1 is smaller and faster) */
  readonly keyAlgorithm?: "RSA_2048" | "EC_prime256v1" | "EC_secp384r1";
  /**
   * Provider the certificate is made with. CloudFront (and Cognito custom domains) only accept
   * certificates from us-east-1: pass a us-east-1 provider when the stack is elsewhere.
   * @default the stack's provider
   */
  readonly provider?: TerraformProvider;
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * An ACM certificate validated through DNS records in a Route 53 zone. `certificateArn` comes
 * from the validation resource, so whatever uses it waits until the certificate is issued.
 */
export class Certificate extends Construct {
  readonly certificateArn: string;
  readonly domainName: string;

  constructor(scope: Construct, id: string, props: CertificateProps) {
    super(scope, id);
    markLibrary(this, "dns");
    const names = [props.domainName, ...(props.subjectAlternativeNames ?? [])];
    throwIfInvalid(`Certificate "${props.domainName}"`, [
      ...names.map((n) => (/^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(n) ? undefined : `"${n}" is not a lower-case domain name`)),
      new Set(names).size !== names.length ? "domain names repeat" : undefined,
      ...names.map((n) => reservedDomainError(n)),
    ]);
    // ACM resolves the validation records through public DNS: the zone must be delegated first.
    for (const n of names) requireDnsValidation(this, n);
    const cert = new AcmCertificate(this, "certificate", {
      provider: props.provider,
      domainName: props.domainName,
      subjectAlternativeNames: props.subjectAlternativeNames && props.subjectAlternativeNames.length > 0 ? [...props.subjectAlternativeNames] : undefined,
      validationMethod: "DNS",
      keyAlgorithm: props.keyAlgorithm ?? "RSA_2048",
      tags: { ...(props.tags ?? {}), Name: props.domainName },
      lifecycle: { createBeforeDestroy: true },
    });
    // One record per name; "x.com" and "*.x.com" share a record, hence allow_overwrite.
    const options = TerraformIterator.fromComplexList(cert.domainValidationOptions, "domain_name");
    const records = new Route53Record(this, "validation-record", {
      forEach: options,
      zoneId: props.zoneId,
      name: options.getString("resource_record_name"),
      type: options.getString("resource_record_type"),
      records: [options.getString("resource_record_value")],
      ttl: 60,
      allowOverwrite: true,
    });
    const validation = new AcmCertificateValidation(this, "validation", {
      provider: props.provider,
      certificateArn: cert.arn,
      validationRecordFqdns: Token.asList(TerraformIterator.fromResources(records).pluckProperty("fqdn")),
    });
    this.certificateArn = validation.certificateArn;
    this.domainName = props.domainName;
  }
}
