export { uat as env } from "./env";
