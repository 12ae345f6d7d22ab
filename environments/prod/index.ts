export { prod as env } from "./env";
