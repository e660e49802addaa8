/** Mappings shared by the entities of every feature: how time is stored in Derby. */
package org.xeenet.persistence;
