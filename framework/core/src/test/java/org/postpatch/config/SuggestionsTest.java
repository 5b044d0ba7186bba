package org.postpatch.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

    @Test
    void ofTwoCandidatesAsCloseTheOneSharingTheLongerStartIsSuggestedWhateverTheirOrder() {
        assertThat(Suggestions.didYouMean("gte", List.of("eq", "ge", "gt", "le", "lt"))).isEqualTo(" (did you mean 'gt'?)");
        assertThat(Suggestions.didYouMean("gte", List.of("gt", "ge"))).isEqualTo(" (did you mean 'gt'?)");
        assertThat(Suggestions.didYouMean("timout", List.of("tags", "timeout"))).isEqualTo(" (did you mean 'timeout'?)");
        assertThat(Suggestions.didYouMean("zzz", List.of("timeout"))).isEmpty();
    }
}
