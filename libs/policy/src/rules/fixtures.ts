/** Hand-built synthesized JSON for rule tests: a compliant baseline each test bends one way. */
import type { JsonObject } from "../types";

type Resources = Record<string, Record<string, JsonObject>>;

/** A bucket `b` with every satellite the S3 rules ask for, plus its key and log bucket. */
export function compliantBucket(): Resources {
  return {
    aws_kms_key: { k: { enable_key_rotation: true } },
    aws_s3_bucket: { b: { bucket: "data" }, logs: { bucket: "logs" } },
    aws_s3_bucket_public_access_block: {
      b: { bucket: "${aws_s3_bucket.b.id}", block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true },
    },
    aws_s3_bucket_ownership_controls: { b: { bucket: "${aws_s3_bucket.b.id}", rule: { object_ownership: "BucketOwnerEnforced" } } },
    aws_s3_bucket_server_side_encryption_configuration: {
      b: {
        bucket: "${aws_s3_bucket.b.id}",
        rule: [{ apply_server_side_encryption_by_default: { sse_algorithm: "aws:kms", kms_master_key_id: "${aws_kms_key.k.arn}" }, bucket_key_enabled: true }],
      },
    },
    aws_s3_bucket_versioning: { b: { bucket: "${aws_s3_bucket.b.id}", versioning_configuration: { status: "Enabled" } } },
    aws_s3_bucket_logging: { b: { bucket: "${aws_s3_bucket.b.id}", target_bucket: "${aws_s3_bucket.logs.id}", target_prefix: "data/" } },
    aws_s3_bucket_policy: {
      b: {
        bucket: "${aws_s3_bucket.b.id}",
        policy: JSON.stringify({
          Version: "2012-10-17",
          Statement: [
            {
              Effect: "Deny",
              Principal: "*",
              Action: "s3:*",
              Resource: ["${aws_s3_bucket.b.arn}", "${aws_s3_bucket.b.arn}/*"],
              Condition: { Bool: { "aws:SecureTransport": "false" } },
            },
          ],
        }),
      },
    },
    aws_s3_bucket_lifecycle_configuration: {
      b: {
        bucket: "${aws_s3_bucket.b.id}",
        rule: [
          {
            id: "hygiene",
            status: "Enabled",
            filter: {},
            abort_incomplete_multipart_upload: { days_after_initiation: 7 },
            noncurrent_version_expiration: { noncurrent_days: 90 },
          },
        ],
      },
    },
  };
}

/** `compliantBucket()` without the bare log bucket: only `b`, which passes every S3 rule. */
export function compliantBucketOnly(): Resources {
  const tf = compliantBucket();
  delete tf["aws_s3_bucket"]!["logs"];
  return tf;
}

/** A PostgreSQL instance `db` and an Aurora cluster `aurora` (two instances) that pass the RDS rules. */
export function compliantDatabases(): Resources {
  return {
    aws_kms_key: { k: {} },
    aws_subnet: { a: { map_public_ip_on_launch: false }, b: {} },
    aws_db_subnet_group: { private: { subnet_ids: ["${aws_subnet.a.id}", "${aws_subnet.b.id}"] } },
    aws_db_instance: {
      db: {
        engine: "postgres",
        storage_encrypted: true,
        kms_key_id: "${aws_kms_key.k.arn}",
        publicly_accessible: false,
        db_subnet_group_name: "${aws_db_subnet_group.private.name}",
        backup_retention_period: 7,
        deletion_protection: true,
        multi_az: true,
        iam_database_authentication_enabled: true,
        ca_cert_identifier: "rds-ca-rsa2048-g1",
        copy_tags_to_snapshot: true,
        monitoring_interval: 60,
        monitoring_role_arn: "${aws_iam_role.monitoring.arn}",
        performance_insights_enabled: true,
        performance_insights_kms_key_id: "${aws_kms_key.k.arn}",
        enabled_cloudwatch_logs_exports: ["postgresql"],
        manage_master_user_password: true,
      },
    },
    aws_rds_cluster: {
      aurora: {
        engine: "aurora-postgresql",
        storage_encrypted: true,
        kms_key_id: "${aws_kms_key.k.arn}",
        db_subnet_group_name: "${aws_db_subnet_group.private.name}",
        backup_retention_period: 14,
        deletion_protection: true,
        iam_database_authentication_enabled: true,
        copy_tags_to_snapshot: true,
        enabled_cloudwatch_logs_exports: ["postgresql"],
        manage_master_user_password: true,
      },
    },
    aws_rds_cluster_instance: {
      one: {
        cluster_identifier: "${aws_rds_cluster.aurora.id}",
        availability_zone: "us-east-1a",
        monitoring_interval: 30,
        monitoring_role_arn: "r",
        performance_insights_enabled: true,
        performance_insights_kms_key_id: "${aws_kms_key.k.arn}",
      },
      two: {
        cluster_identifier: "${aws_rds_cluster.aurora.id}",
        availability_zone: "us-east-1b",
        monitoring_interval: 30,
        monitoring_role_arn: "r",
        performance_insights_enabled: true,
        performance_insights_kms_key_id: "${aws_kms_key.k.arn}",
      },
    },
  };
}

/** An OpenSearch domain `search` that passes the OpenSearch rules. */
export function compliantDomain(): Resources {
  return {
    aws_kms_key: { k: {} },
    aws_subnet: { a: {}, b: {} },
    aws_opensearch_domain: {
      search: {
        encrypt_at_rest: { enabled: true, kms_key_id: "${aws_kms_key.k.arn}" },
        node_to_node_encryption: { enabled: true },
        domain_endpoint_options: { enforce_https: true, tls_security_policy: "Policy-Min-TLS-1-2-PFS-2023-10" },
        vpc_options: { subnet_ids: ["${aws_subnet.a.id}", "${aws_subnet.b.id}"], security_group_ids: ["${aws_security_group.search.id}"] },
        advanced_security_options: { enabled: true, internal_user_database_enabled: false },
        access_policies: JSON.stringify({ Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::111111111111:role/app" }, Action: "es:ESHttp*" }] }),
        log_publishing_options: ["INDEX_SLOW_LOGS", "SEARCH_SLOW_LOGS", "ES_APPLICATION_LOGS", "AUDIT_LOGS"].map((log_type) => ({
          log_type,
          cloudwatch_log_group_arn: "${aws_cloudwatch_log_group.os.arn}",
        })),
        cluster_config: { dedicated_master_enabled: true, dedicated_master_count: 3, zone_awareness_enabled: true },
      },
    },
  };
}

/** A distribution `cdn` (S3 origin via OAC + custom origin) and an internet-facing ALB `alb` that pass the edge rules. */
export function compliantEdge(): Resources {
  const bucket = compliantBucket();
  bucket["aws_s3_bucket_policy"]!["b"]!["policy"] = JSON.stringify({
    Statement: [
      { Effect: "Deny", Principal: "*", Action: "s3:*", Condition: { Bool: { "aws:SecureTransport": "false" } } },
      {
        Effect: "Allow",
        Principal: { Service: "cloudfront.amazonaws.com" },
        Action: "s3:GetObject",
        Condition: { StringEquals: { "AWS:SourceArn": "${aws_cloudfront_distribution.cdn.arn}" } },
      },
    ],
  });
  return {
    ...bucket,
    aws_cloudfront_origin_access_control: { oac: { origin_access_control_origin_type: "s3", signing_behavior: "always", signing_protocol: "sigv4" } },
    aws_cloudfront_response_headers_policy: {
      sec: { security_headers_config: { strict_transport_security: { access_control_max_age_sec: 31536000, override: true } } },
    },
    aws_wafv2_web_acl: { edge: { scope: "CLOUDFRONT" }, regional: { scope: "REGIONAL" } },
    aws_cloudfront_distribution: {
      cdn: {
        origin: [
          {
            origin_id: "s3",
            domain_name: "${aws_s3_bucket.b.bucket_regional_domain_name}",
            origin_access_control_id: "${aws_cloudfront_origin_access_control.oac.id}",
          },
          {
            origin_id: "api",
            domain_name: "api.example.com",
            custom_origin_config: { origin_protocol_policy: "https-only", origin_ssl_protocols: ["TLSv1.2"], http_port: 80, https_port: 443 },
          },
        ],
        default_cache_behavior: {
          target_origin_id: "s3",
          viewer_protocol_policy: "redirect-to-https",
          response_headers_policy_id: "${aws_cloudfront_response_headers_policy.sec.id}",
        },
        ordered_cache_behavior: [
          {
            path_pattern: "/api/*",
            target_origin_id: "api",
            viewer_protocol_policy: "https-only",
            response_headers_policy_id: "67f7725c-6f97-4210-82d7-5512b31e9d03",
          },
        ],
        viewer_certificate: { acm_certificate_arn: "${aws_acm_certificate.cdn.arn}", ssl_support_method: "sni-only", minimum_protocol_version: "TLSv1.2_2021" },
        web_acl_id: "${aws_wafv2_web_acl.edge.arn}",
        logging_config: { bucket: "${aws_s3_bucket.logs.bucket_domain_name}" },
      },
    },
    aws_lb: {
      alb: {
        load_balancer_type: "application",
        internal: false,
        drop_invalid_header_fields: true,
        enable_deletion_protection: true,
        access_logs: { bucket: "${aws_s3_bucket.logs.id}", enabled: true },
      },
    },
    aws_wafv2_web_acl_association: { alb: { resource_arn: "${aws_lb.alb.arn}", web_acl_arn: "${aws_wafv2_web_acl.regional.arn}" } },
  };
}
