/** The fleet as a model: each target's state, each fingerprint change with the targets that took it and its attribution, the raw figures. */
package org.postpatch.fleet.model;
