/** The JAX-RS client to the XeeNet server and the on-disk store of worker credentials. */
package org.xeenet.worker.client;
