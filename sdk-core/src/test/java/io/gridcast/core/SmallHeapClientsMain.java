package io.gridcast.core;

import io.gridcast.core.http.GridcastHttp;
import io.gridcast.core.http.TransportConfig;
import io.gridcast.core.resilience.ResilienceConfig;
import java.util.ArrayList;
import java.util.List;
import okhttp3.OkHttpClient;

/**
 * Builds {@value #CLIENTS} clients with {@link ResilienceConfig#disabled()} and prints how many it
 * built. {@link ResilienceTest} runs it in a child JVM with a 64 MB heap: a client must cost
 * kilobytes, not the 256 MiB a breaker sized for {@code Integer.MAX_VALUE} failures costs.
 */
public final class SmallHeapClientsMain {

  static final int CLIENTS = 4;

  private SmallHeapClientsMain() {}

  public static void main(String[] args) {
    List<OkHttpClient> clients = new ArrayList<>();
    for (int i = 0; i < CLIENTS; i++) {
      clients.add(GridcastHttp.newOkHttpClient(TransportConfig.builder().build(), ResilienceConfig.disabled(), null));
    }
    clients.forEach(GridcastHttp::close);
    System.out.println("built " + clients.size() + " clients");
  }
}
