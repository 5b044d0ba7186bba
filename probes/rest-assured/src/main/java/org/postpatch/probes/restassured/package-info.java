/** Java probes with REST Assured: {@code ctx.http()} gives a ready, pooled, time-bounded and redacting request. */
package org.postpatch.probes.restassured;
