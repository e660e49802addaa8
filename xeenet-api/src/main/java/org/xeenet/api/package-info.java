/**
 * The XeeNet v1 wire contract: the JSON documents exchanged between the server, the Java worker and
 * third-party workers, as records with their snake_case JSON-B names. Fields may be added, never
 * removed or renamed; unknown fields are ignored on read.
 */
package org.xeenet.api;
