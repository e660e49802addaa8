/**
 * How the wire contract is read and written on the REST API: JSON-B settings shared by every
 * resource (absent fields are null, also for records with a creator constructor).
 */
package org.xeenet.wire;
