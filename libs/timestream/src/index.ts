export { TimestreamDatabase, type TimestreamDatabaseProps } from "./database";
export { TimestreamTable, type MagneticStoreWritesProps, type PartitionKey, type TimestreamTableProps } from "./table";
