package io.gridcast.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SandboxBindTest {

  @Test
  void aSandboxListensOnLoopbackByDefault() {
    try (TradingGridSandbox tg = TradingGridSandbox.builder().start()) {
      assertThat(tg.baseUri().getHost()).isEqualTo("127.0.0.1");
      assertThat(Pages.get(tg.baseUri(), "/").status()).isEqualTo(200);
      otherAddress().ifPresent(other ->
          assertThat(reachable(other, tg.port())).as("reachable on " + other.getHostAddress()).isFalse());
    }
  }

  @Test
  void boundToEveryInterfaceItIsReachedOnLoopbackAndOnTheMachinesOtherAddresses() throws Exception {
    try (SpotifySandbox spotify = SpotifySandbox.builder().bind(InetAddress.getByName("0.0.0.0")).build()) {
      assertThat(spotify.baseUri().toString()).startsWith("http://127.0.0.1:");
      assertThat(Pages.get(spotify.baseUri(), "/").status()).isEqualTo(200);
      Optional<InetAddress> other = otherAddress();
      assumeTrue(other.isPresent(), "this machine has no address besides loopback");
      assertThat(reachable(other.get(), spotify.port())).isTrue();
    }
  }

  @Test
  void boundToOneAddressItsBaseUriNamesThatAddress() {
    Optional<InetAddress> other = otherAddress();
    assumeTrue(other.isPresent(), "this machine has no address besides loopback");
    try (TradingGridSandbox tg = TradingGridSandbox.builder().bind(other.get()).start()) {
      assertThat(tg.baseUri().getHost()).isEqualTo(other.get().getHostAddress());
      assertThat(Pages.get(tg.baseUri(), "/").status()).isEqualTo(200);
    }
  }

  @Test
  void anIpv6AddressIsWrittenInBracketsInTheBaseUri() throws Exception {
    assertThat(SandboxServer.host(InetAddress.getByName("::1"))).isEqualTo("[0:0:0:0:0:0:0:1]");
    assertThat(SandboxServer.host(InetAddress.getByName("::"))).isEqualTo("127.0.0.1");
  }

  private static boolean reachable(InetAddress address, int port) {
    try (java.net.Socket socket = new java.net.Socket()) {
      socket.connect(new java.net.InetSocketAddress(address, port), 2000);
      return true;
    } catch (java.io.IOException e) {
      return false;
    }
  }

  /** An IPv4 address of this machine that is not loopback, if it has one. */
  private static Optional<InetAddress> otherAddress() {
    try {
      return NetworkInterface.networkInterfaces().filter(SandboxBindTest::up)
          .flatMap(NetworkInterface::inetAddresses)
          .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
          .findFirst();
    } catch (SocketException e) {
      return Optional.empty();
    }
  }

  private static boolean up(NetworkInterface nic) {
    try {
      return nic.isUp();
    } catch (SocketException e) {
      return false;
    }
  }
}
