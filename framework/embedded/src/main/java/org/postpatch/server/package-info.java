/** A small non-blocking HTTP/1.1 server with deadlines and size limits, for the endpoint and the dashboard. */
package org.postpatch.server;
