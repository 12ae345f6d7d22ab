export { type Item, type ItemValue, marshalItem } from "./items";
export {
  type GlobalSecondaryIndex,
  type KeyAttribute,
  type KeyRef,
  type KeyType,
  MAX_GSIS,
  type Projection,
  type TableKeySpec,
  validateTableKeys,
} from "./keys";
export { type Billing, type PolicyStatement, type StreamViewType, TABLE_READ_WRITE_ACTIONS, Table, type TableProps, type TableReplica } from "./table";
