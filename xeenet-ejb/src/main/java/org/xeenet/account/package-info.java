/**
 * Accounts: researchers, volunteers and administrators ({@code XN_ACCOUNT}; researchers and
 * administrators also have an {@code XN_RESEARCHER} row with the same id). Sign-up and sign-in with
 * a password (Jakarta Security's {@code Pbkdf2PasswordHash}; {@code PasswordPolicy}, {@code
 * Usernames}, lockout by {@code SignInLockout}), API bearer tokens ({@code ApiTokenFormat}; only
 * their SHA-256 is stored; created, listed and revoked by their owner), and the administrator
 * account whose token is the bootstrap token ({@code xeenet.bootstrap.token}, else {@code
 * xeenet.admin.token}, else generated into {@code <data dir>/admin-token}, owner-only).
 */
package org.xeenet.account;
