export { staging as env } from "./env";
