/**
 * Who may call the platform: researchers and their bearer tokens. Only a token's SHA-256 is stored.
 * On first start an administrator researcher is created whose token comes from {@code
 * xeenet.admin.token} or, when that is unset, is generated and kept in {@code <data
 * dir>/admin-token} (owner-only).
 */
package org.xeenet.account;
