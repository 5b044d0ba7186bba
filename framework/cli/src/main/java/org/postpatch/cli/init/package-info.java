/** {@code postpatch init}: a starter suite from what a running application shows of itself (Actuator, OpenAPI). */
package org.postpatch.cli.init;
