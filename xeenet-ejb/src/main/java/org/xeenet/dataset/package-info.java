/**
 * Training datasets, stored in the data directory under their SHA-256 and served to workers by
 * hash. The default dataset, tiny Shakespeare, ships inside the server and is installed on start.
 */
package org.xeenet.dataset;
