package io.kovan.kernel.impl.party;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.ElementCollection;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.OrderColumn;
import javax.persistence.Table;
import javax.persistence.Version;

import io.kovan.kernel.api.party.PartyKind;
import io.kovan.kernel.api.party.PartyRole;

/** A party row with its roles, addresses and contact persons. */
@Entity
@Table(name = "KV_PARTY")
public class PartyEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    String code;

    @Enumerated(EnumType.STRING)
    PartyKind kind;

    String name;

    /** Upper-cased name: case-insensitive search that can use an index on Derby and PostgreSQL. */
    @Column(name = "SEARCH_NAME")
    String searchName;

    @Column(name = "TAX_OFFICE")
    String taxOffice;

    @Column(name = "TAX_NUMBER")
    String taxNumber;

    String phone;

    /** The phone's last ten digits, to find a party by any way of writing its number. */
    @Column(name = "PHONE_KEY")
    String phoneKey;

    String email;

    @Column(name = "PAYMENT_TERM_DAYS")
    Integer paymentTermDays;

    @Column(name = "CREDIT_LIMIT")
    BigDecimal creditLimit;

    String currency;

    @ElementCollection
    @CollectionTable(name = "KV_PARTY_ROLE", joinColumns = @JoinColumn(name = "PARTY_ID"))
    @Column(name = "ROLE")
    @Enumerated(EnumType.STRING)
    Set<PartyRole> roles = EnumSet.noneOf(PartyRole.class);

    @ElementCollection
    @CollectionTable(name = "KV_PARTY_ADDRESS", joinColumns = @JoinColumn(name = "PARTY_ID"))
    @OrderColumn(name = "SORT_ORDER")
    List<AddressEmbeddable> addresses = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "KV_PARTY_CONTACT", joinColumns = @JoinColumn(name = "PARTY_ID"))
    @OrderColumn(name = "SORT_ORDER")
    List<ContactEmbeddable> contacts = new ArrayList<>();

    @Version
    long version;

    /** UTC: JPA 2.2 maps LocalDateTime everywhere, Instant not yet. */
    @Column(name = "CREATED_AT")
    LocalDateTime createdAt;

    @Column(name = "UPDATED_AT")
    LocalDateTime updatedAt;
}
