/**
 * Linking workers to volunteers: a signed-in volunteer asks for a one-time code (valid 10 minutes,
 * one worker), the worker sends it with its own bearer token ({@code POST /workers/{id}/pair}), and
 * from then on the credits the worker earns count for the volunteer ({@code GET /me}). Only the
 * code's SHA-256 is stored.
 */
package org.xeenet.pairing;
