package org.postpatch.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class TagExpressionTest {

    @Test
    void combinesTagsLikeJunit() {
        TagExpression expression = TagExpression.parse("(db | http) & !slow");
        assertThat(expression.matches(Set.of("db"))).isTrue();
        assertThat(expression.matches(Set.of("http", "slow"))).isFalse();
        assertThat(expression.matches(Set.of("ui"))).isFalse();
        assertThat(TagExpression.parse("any()").matches(Set.of())).isFalse();
        assertThat(TagExpression.parse("none()").matches(Set.of())).isTrue();
    }

    @Test
    void malformedExpressionsSayWhere() {
        assertThatThrownBy(() -> TagExpression.parse("db & (http"))
                .hasMessage("bad tag expression 'db & (http' at position 11: missing ')'");
        assertThatThrownBy(() -> TagExpression.parse("db &"))
                .hasMessage("bad tag expression 'db &' at position 5: expected a tag");
    }
}
