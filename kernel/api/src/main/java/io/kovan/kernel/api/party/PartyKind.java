package io.kovan.kernel.api.party;

/** Whether a party is a legal entity (tax number: VKN) or a natural person (TCKN). */
public enum PartyKind {
    ORGANIZATION, PERSON
}
