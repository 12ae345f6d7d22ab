export { dev as env } from "./env";
