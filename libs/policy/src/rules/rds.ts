/** RDS resource kinds: rules on the database (instance or Aurora cluster) or on the DB instances. */

/** Where storage, backups, credentials and engine settings of a database are declared. */
export const RDS_DATABASES = ["aws_db_instance", "aws_rds_cluster"];

/** What runs the engine: a standalone instance or an Aurora cluster's instance. */
export const RDS_INSTANCES = ["aws_db_instance", "aws_rds_cluster_instance"];
