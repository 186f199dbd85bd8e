package io.gridcast.spotify;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.Interceptor;
import okhttp3.Response;

/** Records every HTTP attempt a client makes as {@code "METHOD /path"}, for asserting request counts. */
final class RequestLog implements Interceptor {

  private final List<String> requests = new CopyOnWriteArrayList<>();

  @Override
  public Response intercept(Chain chain) throws IOException {
    String path = chain.request().url().encodedPath();
    if (path.startsWith("/v1/")) { // Web API calls only: the accounts service's token requests are not counted
      requests.add(chain.request().method() + ' ' + path);
    }
    return chain.proceed(chain.request());
  }

  /** Every attempt so far, in order. */
  List<String> all() {
    return List.copyOf(requests);
  }

  /** How many attempts had this method and exactly this path. */
  long count(String method, String path) {
    return requests.stream().filter(r -> r.equals(method + ' ' + path)).count();
  }

  int size() {
    return requests.size();
  }

  void clear() {
    requests.clear();
  }
}
