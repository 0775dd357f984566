package org.hamkke.shared.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;


import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestParamsTest {

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"abc", "-1", "0", "99999999999999999999", "1e3", " 7", "7 ", "0x10", "1.0", "\u0000"})
    void anythingButAPositiveWholeNumberIsNoId(String typed) {
        assertNull(RequestParams.id(typed));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "42", "9223372036854775807"})
    void positiveWholeNumbersAreIds(String typed) {
        assertEquals(Long.valueOf(typed), RequestParams.id(typed));
    }

    /** A version posted back by a form starts at 0; anything else odd matches no version. */
    @org.junit.jupiter.api.Test
    void versionsStartAtZeroAndOddOnesMatchNone() {
        assertEquals(0, RequestParams.version("0"));
        assertEquals(7, RequestParams.version("7"));
        for (String odd : new String[] {null, "", "-1", "00", "abc", "1e3", "99999999999999999999"}) {
            assertEquals(-1, RequestParams.version(odd), odd);
        }
    }
}
