package io.kovan.kernel.impl.rest;

import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.kovan.kernel.api.Page;
import io.kovan.kernel.api.currency.ConversionDTO;
import io.kovan.kernel.api.currency.CurrencyDTO;
import io.kovan.kernel.api.currency.CurrencyService;
import io.kovan.kernel.api.currency.ExchangeRateDTO;
import io.kovan.kernel.api.rest.Params;

/** {@code /api/core/currencies}: currencies, dated exchange rates and conversion. */
@Component(service = CurrencyResource.class)
@JaxrsResource
@JaxrsApplicationSelect(CoreApplication.SELECT)
@Path("currencies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CurrencyResource {

    private final CurrencyService currencies;

    @Activate
    public CurrencyResource(@Reference CurrencyService currencies) {
        this.currencies = currencies;
    }

    /** A page of them, in their own order; {@code q} searches. */
    @GET
    public Page<CurrencyDTO> list(@Context UriInfo uri) {
        return Page.slice(currencies.list(), Params.page(uri), c -> c.code() + " " + c.name());
    }

    @POST
    public Response create(CurrencyDTO currency) {
        return Response.status(Response.Status.CREATED).entity(currencies.create(Params.body(currency))).build();
    }

    /** Sets the rate of a pair for a day (replacing that day's rate if there was one). */
    @POST
    @Path("rates")
    public ExchangeRateDTO setRate(ExchangeRateDTO rate) {
        return currencies.setRate(Params.body(rate));
    }

    /** {@code ?amount=100&from=USD&to=TRY&date=2026-11-24}; the date defaults to today. */
    @GET
    @Path("convert")
    public ConversionDTO convert(@QueryParam("amount") String amount, @QueryParam("from") String from, @QueryParam("to") String to,
        @QueryParam("date") String date) {
        return currencies.convert(Params.decimal("amount", amount), from, to, Params.date("date", date));
    }

    @GET
    @Path("{code}")
    public CurrencyDTO get(@PathParam("code") String code) {
        return currencies.get(code);
    }

    /** Rates involving the currency, newest first; {@code from} and {@code to} bound the dates. */
    @GET
    @Path("{code}/rates")
    public List<ExchangeRateDTO> rates(@PathParam("code") String code, @QueryParam("from") String from, @QueryParam("to") String to) {
        return currencies.rates(code, Params.date("from", from), Params.date("to", to));
    }
}
