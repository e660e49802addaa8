/**
 * The database schema: db-scripts' versioned Derby DDL is the schema of record, applied by the
 * server on first start and never generated from the entities.
 */
package org.xeenet.database;
