/**
 * Who is calling: one Jakarta Security authentication mechanism ({@code XeeNetAuthentication}) with
 * two identity stores (worker tokens; accounts by password or API token) recognises the caller of
 * every request: by bearer token on the REST API, by the signed-in HTTP session on the portal. The
 * JAX-RS filters ({@code @WorkerCaller}, {@code @ResearcherCaller}, {@code @AccountCaller}) then
 * admit a route only to its kind of caller, answering 401/403 problem documents. Roles: {@code
 * researcher}, {@code volunteer}, {@code admin} (also a researcher), and {@code worker}.
 */
package org.xeenet.access;
